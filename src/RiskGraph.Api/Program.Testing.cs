// WebApplicationFactory<Program> in the test project needs a public Program type; top-level statements make it internal.
public partial class Program;
