using System;
using ModuleGen.Samples.Reservations.Demo;

// Runs the reservation module's story against the in-process fake LINE platform and prints it; exit code 1 when a step
// does not behave as expected.
return await ReservationStory.RunAsync(Console.Out) ? 0 : 1;
