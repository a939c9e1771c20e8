namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>Small, valid spec documents shared by several tests.</summary>
internal static class TestSpecs
{
    /// <summary>
    /// The opening of the small specs tests write inline (title Things, one server, then <c>paths:</c>); a test adds its
    /// paths and components, indented as under <c>paths:</c> at column 0.
    /// </summary>
    public const string ThingsHeader = """
        openapi: 3.0.3
        info: { title: Things, version: '1.0' }
        servers:
          - url: https://api.example
        paths:
        """ + "\n";

    /// <summary>One client (WidgetClient), one operation (getWidget) and one model (Widgets.Widget).</summary>
    public const string Widgets = """
        openapi: 3.0.3
        info: { title: Widgets, version: '1.0' }
        x-modulegen-client: WidgetClient
        x-modulegen-namespace: Widgets
        servers:
          - url: https://widgets.example
        paths:
          /widgets/{widgetId}:
            get:
              operationId: getWidget
              parameters:
                - name: widgetId
                  in: path
                  required: true
                  schema: { type: string }
              responses:
                '200':
                  description: The widget.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Widget' }
        components:
          schemas:
            Widget:
              type: object
              required: [id]
              properties:
                id: { type: string }
        """;

    public static readonly string[] WidgetsHintNames = { "Clients.WidgetClient.g.cs", "ModuleGen.Manifest.g.cs", "Widgets.Widget.g.cs" };
}
