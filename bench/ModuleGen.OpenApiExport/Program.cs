using System;
using System.IO;
using ModuleGen.OpenApiExport;

// Usage: ModuleGen.OpenApiExport <spec directory> <output .json>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ModuleGen.OpenApiExport <spec directory> <output.json>");
    return 2;
}

try
{
    var bundle = SpecBundle.FromDirectory(args[0]);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
    File.WriteAllText(args[1], bundle.ToJson());
    Console.WriteLine($"{args[1]}: {bundle.PathCount} paths, {bundle.ComponentCount} components from {bundle.FileCount} files ({bundle.RenamedCount} renamed)");
    return 0;
}
catch (SpecBundleException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
