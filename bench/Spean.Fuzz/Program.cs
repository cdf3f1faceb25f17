using Spean.Core.Tests.Fuzzing;
using Spean.Fuzz;

// Usage (fuzz.sh drives it; see docs/reliability.md, "Hostile input"):
//   Spean.Fuzz <target>                             under afl-fuzz: one input a run from standard input
//   Spean.Fuzz list                                 the target names
//   Spean.Fuzz seeds <target> <folder> <dict file>  the target's seeds as a corpus, its tokens as an AFL dictionary
//   Spean.Fuzz replay <target> <file|folder>...     runs each input once; prints what broke, one line per distinct failure
//   Spean.Fuzz minimise <target> <input> <output>   the shortest input found that still fails the same way
AflRun.UseScratchMap();
if (args is ["list"])
{
    foreach (var target in ParserTargets.All) Console.WriteLine(target.Name);
    return 0;
}
if (args is ["seeds", var seedsOf, var folder, var dictionary]) return Corpus.Write(Target(seedsOf), folder, dictionary);
if (args is ["replay", var replayed, .. var paths]) return Crashes.Replay(Target(replayed), paths);
if (args is ["minimise", var minimised, var input, var output]) return Crashes.Minimise(Target(minimised), input, output);
if (args is [var name])
{
    AflRun.Run(Target(name));
    return 0;
}
Console.Error.WriteLine("Usage: Spean.Fuzz <target> | list | seeds <target> <folder> <dict> | replay <target> <paths…> | minimise <target> <input> <output>");
return 2;

static FuzzTarget Target(string name) =>
    ParserTargets.All.SingleOrDefault(t => t.Name == name)
    ?? throw new ArgumentException($"No target '{name}'. Targets: {string.Join(", ", ParserTargets.All.Select(t => t.Name))}");
