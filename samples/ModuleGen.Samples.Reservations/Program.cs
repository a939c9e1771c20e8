using Microsoft.AspNetCore.Builder;
using ModuleGen.Samples.Reservations;

// The reservation assistant against LINE. Configuration: the "Line" section of appsettings.json or environment variables
// (Line__ChannelId, Line__ChannelSecret, Line__PublicBaseUrl, Line__DataDirectory). It refuses to start without a real
// channel secret. Register {PublicBaseUrl}/line/webhook as the webhook URL and {PublicBaseUrl}/attach/callback as the
// attach redirect in the LINE Developers console, and switch webhook redelivery on.
var builder = WebApplication.CreateBuilder(args);
var line = builder.Configuration.GetSection("Line");
var settings = ReservationSettings.From(line, builder.Environment.ContentRootPath);
ReservationModule.AddServices(builder.Services, line, settings);

var app = builder.Build();
ReservationModule.MapEndpoints(app);
app.Run();
