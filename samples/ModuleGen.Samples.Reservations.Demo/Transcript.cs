using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModuleGen.Line.Testing;

namespace ModuleGen.Samples.Reservations.Demo;

/// <summary>Writes the story: a heading per step, the HTTP exchanges with LINE that matter, and each check's outcome.</summary>
internal sealed class Transcript(TextWriter output, LineFakePlatform platform, string botIdHeader)
{
    private int _step;
    private int _shownRequests;

    public int Failures { get; private set; }

    public void Step(string title)
    {
        ShowNewRequests();
        output.WriteLine();
        output.WriteLine($"{++_step}. {title}");
    }

    public void Note(string text)
    {
        ShowNewRequests();
        output.WriteLine($"   {text}");
    }

    public void Check(bool holds, string what)
    {
        ShowNewRequests();
        output.WriteLine($"   {(holds ? "ok  " : "FAIL")} {what}");
        if (!holds)
        {
            Failures++;
        }
    }

    /// <summary>The requests LINE received since the last call: method, path, bot-id header, retry key, status, request id.</summary>
    public void ShowNewRequests()
    {
        var requests = platform.Requests;
        foreach (var request in requests.Skip(_shownRequests))
        {
            var parts = new List<string> { $"{request.Method} {request.Path}" };
            if (request.HasHeader(botIdHeader))
            {
                parts.Add($"{botIdHeader}: {request.Header(botIdHeader)}");
            }

            if (request.HasHeader("X-Line-Retry-Key"))
            {
                parts.Add($"X-Line-Retry-Key: {request.Header("X-Line-Retry-Key")}");
            }

            var status = request.Status == 0 ? "no answer" : request.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            output.WriteLine($"   module -> LINE: {string.Join("  ", parts)}  -> {status}{(request.RequestId is { } id ? $" (request id {id})" : string.Empty)}");
        }

        _shownRequests = requests.Count;
    }
}
