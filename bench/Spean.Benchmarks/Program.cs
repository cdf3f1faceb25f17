Console.WriteLine("Benchmarks arrive with the recommendations search (see docs/benchmarks.md).");
