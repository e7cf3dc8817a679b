using System.Globalization;
using Anvil.Core.Reading;
using Anvil.Web.Data;
using Anvil.Web.Hosting;
using Anvil.Web.Html;
using Microsoft.AspNetCore.Http.Features;

namespace Anvil.Web.Features.Upload;

/// <summary>
/// Adding documents from the browser (<c>/upload</c>, <c>POST /api/upload</c>), only when <c>anvil serve</c> was started
/// with <c>--allow-upload</c>. A request is limited in size and file count before it is read, each file must have an
/// extension Anvil reads, and its content is then read and checked by the same reader as <c>anvil ingest</c>.
/// </summary>
internal static class Upload
{
    public static readonly string[] Extensions = [".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml", ".pdf"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/upload", async (HttpContext context, DashboardOptions options, UploadJobs jobs) =>
        {
            var status = await StartAsync(context, options, jobs);
            return Results.Accepted("/api/upload/" + status.Id, status);
        })
            .WithName("upload").WithSummary("Add documents (multipart/form-data, field 'files'; optional 'date' YYYY-MM-DD); answers 202 with the job to poll")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<UploadStatus>(StatusCodes.Status202Accepted)
            .DisableAntiforgery(); // cross-site posts are refused by the origin check (Hosting/RequestGuards)
        app.MapGet("/api/upload/{id}", (UploadJobs jobs, DashboardOptions options, string id) => Status(jobs, options, id))
            .WithName("upload-status").WithSummary("How far an upload has got");

        app.MapGet("/upload", (HttpContext context, DashboardOptions options) => Render(context, options)).ExcludeFromDescription();
        app.MapPost("/upload", async (HttpContext context, DashboardOptions options, UploadJobs jobs) =>
        {
            var status = await StartAsync(context, options, jobs);
            return Results.Redirect("/upload/" + status.Id, permanent: false, preserveMethod: false);
        }).ExcludeFromDescription().DisableAntiforgery();
        app.MapGet("/upload/{id}", (HttpContext context, UploadJobs jobs, DashboardOptions options, string id) =>
            RenderStatus(context, Status(jobs, options, id))).ExcludeFromDescription();
    }

    private static void RequireAllowed(DashboardOptions options)
    {
        if (!options.AllowUpload)
        {
            throw new WebException(StatusCodes.Status403Forbidden, WebErrorCodes.UploadsOff,
                "uploads are off: start the server with ./anvil serve --allow-upload to add documents from the browser, or use ./anvil ingest");
        }
    }

    private static UploadStatus Status(UploadJobs jobs, DashboardOptions options, string id)
    {
        RequireAllowed(options);
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
        {
            throw WebException.BadParameter($"upload id: '{Check.Shorten(id)}' is not an upload id (32 hex digits)");
        }

        return jobs.Status(id) ?? throw WebException.NotFound($"no upload {id} (the server keeps the latest 50)");
    }

    private static async Task<UploadStatus> StartAsync(HttpContext context, DashboardOptions options, UploadJobs jobs)
    {
        RequireAllowed(options);
        var request = context.Request;
        long limit = options.MaxUploadBytes;
        long allowance = limit + (64 * 1024); // the multipart framing around the files
        if (request.ContentLength > allowance)
        {
            throw TooLarge(options);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = allowance;
        }

        if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new WebException(StatusCodes.Status415UnsupportedMediaType, WebErrorCodes.UploadType,
                "send the documents as multipart/form-data with the files in the field 'files'");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions
            {
                MultipartBodyLengthLimit = allowance,
                ValueCountLimit = options.MaxUploadFiles + 8,
                ValueLengthLimit = 1024,
                MultipartHeadersLengthLimit = 4096,
            }, context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            throw TooLarge(options);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            throw new WebException(StatusCodes.Status400BadRequest, WebErrorCodes.UploadType, $"the upload could not be read ({e.Message})");
        }

        var files = form.Files;
        if (files.Count == 0)
        {
            throw new WebException(StatusCodes.Status400BadRequest, WebErrorCodes.UploadType, "no files in the upload: choose one or more .txt, .md, .html or .pdf files");
        }

        if (files.Count > options.MaxUploadFiles)
        {
            throw new WebException(StatusCodes.Status413PayloadTooLarge, WebErrorCodes.UploadTooLarge,
                $"at most {options.MaxUploadFiles} files at once, not {files.Count}");
        }

        if (files.Sum(f => f.Length) > limit)
        {
            throw TooLarge(options);
        }

        DateOnly? date = null;
        if (form.TryGetValue("date", out var dateText) && !string.IsNullOrWhiteSpace(dateText))
        {
            date = DateOnly.TryParseExact(dateText.ToString().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : throw WebException.BadParameter($"date: must look like 2024-03-05, not '{Check.Shorten(dateText)}'");
        }

        var uploaded = new List<UploadedFile>();
        foreach (var file in files)
        {
            var name = FileName(file.FileName);
            if (!Extensions.Contains(Path.GetExtension(name).ToLowerInvariant()) || !DocumentReader.IsReadableExtension(name))
            {
                throw new WebException(StatusCodes.Status415UnsupportedMediaType, WebErrorCodes.UploadType,
                    $"{name}: Anvil reads .txt, .md, .html and .pdf files, not this type");
            }

            using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream((int)file.Length);
            await stream.CopyToAsync(buffer, context.RequestAborted);
            uploaded.Add(new UploadedFile(name, Path.GetFileNameWithoutExtension(name), buffer.ToArray()));
        }

        return jobs.Start(uploaded, date, limit);
    }

    private static WebException TooLarge(DashboardOptions options) =>
        new(StatusCodes.Status413PayloadTooLarge, WebErrorCodes.UploadTooLarge,
            string.Create(CultureInfo.InvariantCulture, $"the upload is larger than the limit of {options.MaxUploadBytes / 1e6:0.#} MB; send fewer or smaller files, or use ./anvil ingest"));

    /// <summary>The file's own name, without any folder a browser sent, control characters or more than 120 characters.</summary>
    internal static string FileName(string? sent)
    {
        var name = (sent ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (name.Length > 120)
        {
            var ext = Path.GetExtension(name);
            name = name[..(120 - Math.Min(ext.Length, 20))] + ext;
        }

        return name.Length == 0 || name.StartsWith('.') && Path.GetFileNameWithoutExtension(name).Length == 0 ? "upload" + Path.GetExtension(name) : name;
    }

    private static IResult Render(HttpContext context, DashboardOptions options)
    {
        if (!options.AllowUpload)
        {
            return Layout.Page(context, "Upload", "upload", html =>
            {
                html.Element("p", "Uploads are off on this server. Start it with ./anvil serve --allow-upload to add documents from the browser, or use ./anvil ingest FILES.",
                    ("class", "error"));
            }, StatusCodes.Status403Forbidden);
        }

        return Layout.Page(context, "Upload", "upload", html =>
        {
            html.Element("p", string.Create(CultureInfo.InvariantCulture,
                $"Add .txt, .md, .html or .pdf documents to the knowledge base: at most {options.MaxUploadFiles} files and {options.MaxUploadBytes / 1e6:0.#} MB at once. They are read and extracted as ./anvil ingest does; the same content twice is stored once."));
            html.Open("form", ("id", "upload"), ("class", "upload"), ("method", "post"), ("action", "/upload"), ("enctype", "multipart/form-data"),
                ("data-max-bytes", options.MaxUploadBytes.ToString(CultureInfo.InvariantCulture)),
                ("data-max-files", options.MaxUploadFiles.ToString(CultureInfo.InvariantCulture)));
            html.Open("label").Text("Documents ");
            html.Open("input", ("type", "file"), ("name", "files"), ("multiple", ""), ("required", ""), ("accept", string.Join(',', Extensions))).Close("label");
            html.Open("label").Text("Publication date for documents that state none ");
            html.Open("input", ("type", "date"), ("name", "date")).Close("label");
            html.Element("button", "Upload", ("type", "submit"));
            html.Close("form");
            html.Open("div", ("id", "upload-progress"), ("class", "progress"), ("hidden", ""));
            html.Open("progress", ("max", "100"), ("value", "0")).Close("progress");
            html.Element("p", "", ("class", "status"));
            html.Element("ul", "", ("class", "results"));
            html.Close("div");
        });
    }

    private static IResult RenderStatus(HttpContext context, UploadStatus s) => Layout.Page(context, "Upload", "upload", html =>
    {
        html.Open("div", ("class", "progress"), ("data-job", s.Id), ("data-state", s.State));
        html.Open("progress", ("max", s.Files.ToString(CultureInfo.InvariantCulture)), ("value", s.Done.ToString(CultureInfo.InvariantCulture))).Close("progress");
        html.Element("p", Describe(s), ("class", "status"));
        html.Open("ul", ("class", "results"));
        foreach (var key in s.Documents)
        {
            html.Open("li").Link(Links.Document(key), key).Close("li");
        }

        foreach (var f in s.Failures)
        {
            html.Element("li", $"{f.Code}: {f.Message}", ("class", "error"));
        }

        html.Close("ul");
        html.Close("div");
        if (s.State is "queued" or "running")
        {
            html.Link("/upload/" + s.Id, "Refresh");
        }
        else
        {
            html.Link("/upload", "Upload more");
        }
    });

    internal static string Describe(UploadStatus s) => s.State switch
    {
        "queued" => "Waiting for the upload before it to finish…",
        "running" => $"Reading and extracting: {s.Done} of {s.Files} file(s)…",
        "failed" => "The upload failed: " + s.Message,
        _ => $"Done: {s.Added} new document(s), {s.AlreadyStored} already stored, {s.Failures.Count} failed.",
    };
}
