using System;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using ModuleGen.Line.Runtime;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.PublicSurface;

/// <summary>What generated code needs from the runtime is one namespace, hidden from modules' IntelliSense.</summary>
public sealed class RuntimeContractTests
{
    private static readonly Type[] PublicTypes = typeof(LineClientPipeline).Assembly.GetExportedTypes();

    [Fact]
    public void EveryPublicTypeOfTheRuntimeNamespaceIsHiddenFromIntelliSense()
    {
        var contract = PublicTypes.Where(type => type.Namespace == typeof(LineRuntimeContract).Namespace).ToArray();

        contract.Length.ShouldBeGreaterThan(10);
        contract
            .Where(type => type.GetCustomAttribute<EditorBrowsableAttribute>()?.State != EditorBrowsableState.Never)
            .Select(type => type.FullName)
            .ShouldBeEmpty();
    }

    [Fact]
    public void WhatModulesUseLivesOutsideTheRuntimeNamespace()
    {
        // Types a module implements, reads or configures: not part of the hidden contract even though generated code uses them.
        foreach (var type in new[] { typeof(ILineJsonModel<>), typeof(ILineUnknownKind), typeof(ILineExtensibleEnum), typeof(LineOperation), typeof(LineRateLimit), typeof(LineRequestOptions) })
        {
            type.Namespace.ShouldBe("ModuleGen.Line", type.Name);
            type.GetCustomAttribute<EditorBrowsableAttribute>()?.State.ShouldNotBe(EditorBrowsableState.Never, type.Name);
        }
    }

    [Fact]
    public void UserFacingResponsesHaveNoPlumbingStatics()
    {
        // Generated code builds responses through LineResponseReader; the response types show modules only what they read.
        foreach (var type in new[] { typeof(LineResponse), typeof(LineStreamResponse) })
        {
            type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(method => !method.IsSpecialName)
                .Select(method => method.Name)
                .ShouldBeEmpty(type.Name);
        }
    }
}
