using ModuleGen.Generator.Helpers;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>
/// An interpolated line is written straight into the writer's buffer; whatever its parts hold, the text is the one the
/// string overload writes for the same line.
/// </summary>
public sealed class SourceWriterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("two\nlines")]
    [InlineData("crlf\r\nlines\r\n")]
    [InlineData("ends in a return\r")]
    [InlineData("\n")]
    [InlineData("blank\n\nline")]
    [InlineData("   ")]
    public void AnInterpolatedLineWritesWhatTheStringOverloadWrites(string hole)
    {
        var interpolated = new SourceWriter { Indentation = 2 };
        var plain = new SourceWriter { Indentation = 2 };

        interpolated.WriteLine($"{hole}");
        interpolated.WriteLine($"before {hole} after {42} {255:X2} [{"x",3}]");
        interpolated.WriteLine($"{hole}{hole}");
        plain.WriteLine(hole);
        plain.WriteLine("before " + hole + " after 42 FF [  x]");
        plain.WriteLine(hole + hole);

        interpolated.Finish().ShouldBe(plain.Finish());
    }

    [Fact]
    public void LinesBeforeAndAfterAMultiLineLineKeepTheirIndentation()
    {
        var writer = new SourceWriter();
        using (writer.Braces())
        {
            writer.WriteLine($"first {1}");
            writer.WriteLine($"/// {"a\nb"}");
            writer.WriteLine($"last {2}");
        }

        writer.Finish().ShouldBe("{\n    first 1\n    /// a\n    b\n    last 2\n}\n");
    }
}
