# Anvil in a container: the CLI and its dashboard on the ASP.NET Core runtime image (README, Install).
#   docker build -t anvil .
#   docker run --rm anvil --version
#   docker run --rm -u "$(id -u)" -v "$PWD:/data" anvil ingest reports/   # ./anvil.db beside the documents
#   docker run --rm -u "$(id -u)" -v "$PWD:/data" -p 127.0.0.1:5080:8080 anvil   # the dashboard over ./anvil.db
# compose.yaml runs the dashboard on PostgreSQL instead.

# build: the SDK restores and publishes; only the publish output goes on
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# the project files first, so a change of code does not restore the packages again
# .editorconfig carries the analyzer settings the build needs (warnings are errors)
COPY global.json Directory.Build.props Directory.Packages.props Anvil.slnx .editorconfig ./
COPY src/Anvil.Data/Anvil.Data.csproj src/Anvil.Data/
COPY src/Anvil.Core/Anvil.Core.csproj src/Anvil.Core/
COPY src/Anvil.Store/Anvil.Store.csproj src/Anvil.Store/
COPY src/Anvil.Analytics/Anvil.Analytics.csproj src/Anvil.Analytics/
COPY src/Anvil.Web/Anvil.Web.csproj src/Anvil.Web/
COPY src/Anvil.Cli/Anvil.Cli.csproj src/Anvil.Cli/
RUN dotnet restore src/Anvil.Cli/Anvil.Cli.csproj
COPY README.md ./
COPY samples/ samples/
COPY src/ src/
# the commit, when given (docker build --build-arg COMMIT=$(git rev-parse --short HEAD) .), for anvil --version
ARG COMMIT=""
RUN dotnet publish src/Anvil.Cli/Anvil.Cli.csproj -c Release --no-restore -o /app -p:SourceRevisionId="$COMMIT"

# run: the .NET runtime with ASP.NET Core (the dashboard needs it), no SDK
FROM mcr.microsoft.com/dotnet/aspnet:10.0
COPY --from=build /app /app
# the image's unprivileged user; /data is where documents and a SQLite knowledge base live
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
WORKDIR /data
VOLUME /data
EXPOSE 8080
# hot methods are compiled again, optimised, after a 30 ms wait instead of the runtime's 100 ms (see ./anvil)
ENV DOTNET_TC_CallCountingDelayMs=30
ENTRYPOINT ["dotnet", "/app/anvil.dll"]
# a container listens on all its addresses; publish the port to this machine only (-p 127.0.0.1:5080:8080)
CMD ["serve", "--urls", "http://0.0.0.0:8080"]
