using System;
using System.Linq;
using ModuleGen.Generator.Emitting;
using ModuleGen.Generator.Parsing;
using ModuleGen.Line.Runtime;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>The generator names runtime enum members in generated code; these mappings must name members that exist.</summary>
public sealed class RuntimeMappingTests
{
    [Fact]
    public void EveryRateLimitPeriodTheParserAcceptsNamesAMemberOfTheRuntimeEnum()
    {
        OperationParser.RateLimitPeriods.ShouldNotBeEmpty();
        var members = Enum.GetNames(typeof(LineRateLimitPeriod));

        foreach (var per in OperationParser.RateLimitPeriods)
        {
            members.ShouldContain(ClientEmitter.RateLimitPeriodMember(per), per);
        }

        OperationParser.RateLimitPeriods.Select(ClientEmitter.RateLimitPeriodMember).Distinct(StringComparer.Ordinal).Count()
            .ShouldBe(OperationParser.RateLimitPeriods.Count, "two accepted periods map to the same member");
    }
}
