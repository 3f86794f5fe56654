using ParisCoDraft.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDrafting();

var app = builder.Build();
app.MapDrafting();
app.Run();
