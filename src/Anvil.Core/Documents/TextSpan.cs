namespace Anvil.Core.Documents;

/// <summary>
/// A half-open [Start, End) range of UTF-16 code units in a document's original text.
/// Code units (not code points) inside the pipeline keep slicing free; the output layer converts
/// to the code points the spec asks for through <see cref="Document.ToCodePointIndex"/>.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public static TextSpan Cover(TextSpan a, TextSpan b) => new(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));

    public override string ToString() => $"[{Start},{End})";
}
