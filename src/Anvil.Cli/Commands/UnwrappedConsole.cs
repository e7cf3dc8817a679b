using Spectre.Console;
using Spectre.Console.Rendering;

namespace Anvil.Cli.Commands;

/// <summary>
/// A console for output that goes to a file or a pipe: each table or line is written as wide as its content, so
/// nothing is wrapped (Spectre would otherwise wrap at 80 columns, in the middle of Chinese words, and a script reading
/// the output would get half rows). What fills the width by nature (a rule) gets <see cref="BaseWidth"/>.
/// </summary>
internal sealed class UnwrappedConsole(IAnsiConsole inner) : IAnsiConsole
{
    public const int BaseWidth = 80;

    /// <summary>Wider than any table Anvil writes; a renderable that asks for all of it fills the width by nature.</summary>
    private const int Unbounded = 1_000_000;

    public Profile Profile => inner.Profile;

    public IAnsiConsoleCursor Cursor => inner.Cursor;

    public IAnsiConsoleInput Input => inner.Input;

    public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;

    public RenderPipeline Pipeline => inner.Pipeline;

    /// <summary>Standard output for people: the terminal as it is, or unwrapped when standard output is redirected.</summary>
    public static IAnsiConsole StandardOutput =>
        Console.IsOutputRedirected ? new UnwrappedConsole(AnsiConsole.Console) : AnsiConsole.Console;

    public void Clear(bool home) => inner.Clear(home);

    public void Write(IRenderable renderable)
    {
        int natural = renderable.Measure(RenderOptions.Create(inner, inner.Profile.Capabilities), Unbounded).Max;
        inner.Profile.Width = natural >= Unbounded ? BaseWidth : Math.Max(BaseWidth, natural);
        inner.Write(renderable);
    }

    public void WriteAnsi(Action<AnsiWriter> action) => inner.WriteAnsi(action);
}
