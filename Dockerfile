# syntax=docker/dockerfile:1
# ParisCoDraft: front end (esbuild) -> app (dotnet publish) -> runtime, database on a volume.

FROM node:20-bookworm-slim AS web
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY wwwroot/ wwwroot/
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS app
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ParisCoDraft.sln ./
COPY src/ src/
# ReadyToRun: the assemblies are precompiled for the image's architecture, so a fresh server process loads
# its first bill without waiting for the JIT (docs/benchmarks.md, "cold load"). Needs the crossgen2 package,
# which restore fetches from NuGet like any other package.
ARG TARGETARCH
RUN dotnet publish src/ParisCoDraft.Web/ParisCoDraft.Web.csproj -c Release -a $TARGETARCH --self-contained false \
    -p:PublishReadyToRun=true -o /out

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=app /out ./
# Only what the browser loads: the pages, the stylesheet, the service worker and the bundles (not the TS sources).
COPY --from=web /src/wwwroot/*.html /src/wwwroot/*.css /src/wwwroot/sw.js ./wwwroot/
COPY --from=web /src/wwwroot/dist/ ./wwwroot/dist/
ENV ASPNETCORE_URLS=http://+:8080 \
    ParisCoDraft__Database=/data/pariscodraft.db \
    ParisCoDraft__WebRoot=/app/wwwroot
VOLUME ["/data"]
EXPOSE 8080
# GET /healthz answers 200 when the store is reachable (for the orchestrator's probe).
ENTRYPOINT ["dotnet", "ParisCoDraft.Web.dll"]
