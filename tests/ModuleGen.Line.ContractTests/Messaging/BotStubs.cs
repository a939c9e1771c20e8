using System;
using ModuleGen.Line.ContractTests.Messaging;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Stubs;

namespace ModuleGen.Line.ContractTests;

/// <summary>Stubs for the bot-scoped calls of <see cref="MessagingApiClients"/>: they also require its exact token and bot id.</summary>
internal static class BotStubs
{
    /// <summary>A stub (<see cref="SpecConformance.SpecStub(LineFakePlatform, string, ValueTuple{string, string}[])"/>) for a call with the fixture's token and bot id.</summary>
    public static LineStub BotStub(this LineFakePlatform platform, string operationId, params (string Name, string Value)[] pathValues) =>
        platform.BotStub(operationId, SpecBody.AsSpecified, pathValues);

    /// <inheritdoc cref="BotStub(LineFakePlatform, string, ValueTuple{string, string}[])"/>
    public static LineStub BotStub(this LineFakePlatform platform, string operationId, SpecBody body, params (string Name, string Value)[] pathValues) =>
        platform.SpecStub(operationId, body, pathValues)
            .WithHeader("Authorization", "Bearer " + MessagingApiClients.Token)
            .WithHeader("X-Line-Bot-Id", MessagingApiClients.BotId);
}
