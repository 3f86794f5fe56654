using ParisCoDraft.Web.Hosting;

// Read once, at the shared array pool's first use: set before anything rents. See docs/benchmarks-live.md.
Environment.SetEnvironmentVariable("DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION",
    Environment.GetEnvironmentVariable("DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION") ?? "512");

var builder = WebApplication.CreateBuilder(args);
builder.AddDrafting();

var app = builder.Build();
app.MapDrafting();
app.Run();
