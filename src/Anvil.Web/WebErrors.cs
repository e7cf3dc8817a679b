namespace Anvil.Web;

/// <summary>Stable codes of the dashboard's refusals; the API returns them in <c>code</c>, pages show them.</summary>
public static class WebErrorCodes
{
    /// <summary>A query parameter or path value that is not valid (a word for a number, an unknown kind, a page size out of range).</summary>
    public const string BadParameter = "E0601";

    /// <summary>No document, entity, page or upload job with that id.</summary>
    public const string NotFound = "E0602";

    /// <summary>Uploads are off: <c>anvil serve</c> was started without <c>--allow-upload</c>.</summary>
    public const string UploadsOff = "E0603";

    /// <summary>An upload larger than the limit (<c>--max-upload-mb</c>) or with too many files.</summary>
    public const string UploadTooLarge = "E0604";

    /// <summary>An uploaded file of a type Anvil does not read, or a request that is not a file upload.</summary>
    public const string UploadType = "E0605";

    /// <summary>A request that changes the knowledge base sent from another site (cross-site request forgery).</summary>
    public const string CrossSite = "E0606";

    /// <summary>Another upload is being ingested; try again when it is done.</summary>
    public const string Busy = "E0607";

    /// <summary>The knowledge base could not be read (the store's own code and message follow).</summary>
    public const string Store = "E0608";

    /// <summary>Something Anvil did not foresee; the server's log has the details.</summary>
    public const string Internal = "E0699";
}

/// <summary>A request the dashboard refuses, with the status to answer and a message that says what to do.</summary>
public sealed class WebException : Exception
{
    public WebException(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }

    public string Code { get; }

    public static WebException BadParameter(string message) => new(StatusCodes.Status400BadRequest, WebErrorCodes.BadParameter, message);

    public static WebException NotFound(string message) => new(StatusCodes.Status404NotFound, WebErrorCodes.NotFound, message);
}
