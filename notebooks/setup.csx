// The notebooks' shared set-up, loaded by their second cell with #load "setup.csx": it references RiskGraph's own
// build output (build it once first: dotnet build src/RiskGraph.Training -c Release; either configuration works)
// Charts: #load "chart.csx" in a later cell (it needs these references compiled in first).
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

// The kernel starts in the notebook's folder (tests start it elsewhere in the tree): walk up to the solution.
var repositoryRoot = new DirectoryInfo(Environment.CurrentDirectory);
while (repositoryRoot is not null && !File.Exists(Path.Combine(repositoryRoot.FullName, "RiskGraph.sln"))) repositoryRoot = repositoryRoot.Parent;
if (repositoryRoot is null) throw new DirectoryNotFoundException($"No RiskGraph.sln above {Environment.CurrentDirectory}: open the notebook inside the repository.");

// RISKGRAPH_BUILD_CONFIGURATION pins Debug or Release (the tests set it); otherwise the most recent build wins.
string? pinnedConfiguration = Environment.GetEnvironmentVariable("RISKGRAPH_BUILD_CONFIGURATION");
string buildFolder = (string.IsNullOrEmpty(pinnedConfiguration) ? new[] { "Release", "Debug" } : new[] { pinnedConfiguration })
    .Select(configuration => Path.Combine(repositoryRoot.FullName, "src", "RiskGraph.Training", "bin", configuration, "net10.0"))
    .Where(folder => File.Exists(Path.Combine(folder, "RiskGraph.Training.dll")))
    .OrderByDescending(folder => File.GetLastWriteTimeUtc(Path.Combine(folder, "RiskGraph.Training.dll")))
    .FirstOrDefault()
    ?? throw new FileNotFoundException($"RiskGraph is not built: run dotnet build src/RiskGraph.Training -c {pinnedConfiguration ?? "Release"}");

// NuGet puts native libraries (SQLite, FastTree, Skia) under runtimes/<rid>/native, and the kernel process has no
// deps.json naming them; so when the runtime's own probing fails, look there.
string osFolder = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
string[] nativeFolders = new[] { RuntimeInformation.RuntimeIdentifier, $"{osFolder}-{RuntimeInformation.ProcessArchitecture}".ToLowerInvariant(), osFolder }
    .Select(rid => Path.Combine(buildFolder, "runtimes", rid, "native")).Where(Directory.Exists).ToArray();
IntPtr LoadBundledNativeLibrary(Assembly requester, string name)
{
    foreach (string folder in nativeFolders)
        foreach (string file in new[] { name, $"lib{name}.so", $"lib{name}.dylib", $"{name}.dll", $"{name}.so", $"{name}.dylib" })
            if (File.Exists(Path.Combine(folder, file))) return NativeLibrary.Load(Path.Combine(folder, file));
    return IntPtr.Zero;
}
// The kernel loads references into its own load context, created later: hook every context as it appears.
var probedContexts = new HashSet<AssemblyLoadContext>();
void ProbeBundledNativeLibraries(AssemblyLoadContext? context)
{
    lock (probedContexts)
        if (context is not null && probedContexts.Add(context)) context.ResolvingUnmanagedDll += LoadBundledNativeLibrary;
}
foreach (var context in AssemblyLoadContext.All) ProbeBundledNativeLibraries(context);
AppDomain.CurrentDomain.AssemblyLoad += (_, loaded) => ProbeBundledNativeLibraries(AssemblyLoadContext.GetLoadContext(loaded.LoadedAssembly));

// Every managed DLL of the build (RiskGraph, ML.NET, SQLite, ScottPlot and their dependencies) becomes a reference.
((Microsoft.DotNet.Interactive.CSharp.CSharpKernel)Microsoft.DotNet.Interactive.Kernel.Current)
    .AddAssemblyReferences(Directory.GetFiles(buildFolder, "*.dll"));
Console.WriteLine($"RiskGraph loaded from {Path.GetRelativePath(repositoryRoot.FullName, buildFolder)}");
