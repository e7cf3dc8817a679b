using Anvil.Core.Lexicons;
using Anvil.Store;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

/// <summary>
/// The frame of every knowledge-base verb: a failure of the knowledge base, a lexicon or an output file becomes
/// one line on standard error with its code (<c>anvil: E0401: ...</c>) and exit status 2.
/// </summary>
internal abstract class StoreCommand<TSettings> : Command<TSettings>
    where TSettings : StoreSettings
{
    public sealed override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return Run(settings, cancellationToken);
        }
        catch (StoreException e)
        {
            return Fail(e.Code, e.Message);
        }
        catch (LexiconFormatException e)
        {
            return Fail("E0303", $"lexicon {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail("E0520", e.Message);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("anvil: interrupted; every document stored before stays stored, none is half-written");
            return 130;
        }
    }

    protected abstract int Run(TSettings settings, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the knowledge base the settings name (or takes it from <see cref="StorePreload"/>, which opened it while the
    /// command line was read); <paramref name="create"/> for verbs that write.
    /// </summary>
    protected static IKnowledgeStore Open(StoreSettings settings, bool create)
    {
        var location = StoreLocation.Resolve(settings.Db);
        return (create ? null : StorePreload.Take(location)) ?? KnowledgeStore.Open(location, create);
    }

    protected static int Fail(string code, string message)
    {
        Console.Error.WriteLine($"anvil: {code}: {message}");
        return 2;
    }
}
