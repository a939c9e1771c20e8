namespace ModuleGen.Generator.Helpers;

/// <summary>netstandard2.0 has no System.HashCode; this is the combine step the model's equality needs.</summary>
internal static class HashHelpers
{
    public static int Combine(int h1, int h2)
    {
        unchecked
        {
            var rol5 = ((uint)h1 << 5) | ((uint)h1 >> 27);
            return ((int)rol5 + h1) ^ h2;
        }
    }
}
