# Multi-stage: restore (cached on the project files), build and publish, then a runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Behind a TLS-inspecting proxy, hand its CA to the restore: --secret id=extra_ca,src=/path/to/ca.crt
RUN --mount=type=secret,id=extra_ca,required=false \
    if [ -s /run/secrets/extra_ca ]; then \
      cp /run/secrets/extra_ca /usr/local/share/ca-certificates/extra-ca.crt && update-ca-certificates >/dev/null; \
    fi
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/LpRepl.Protocol/LpRepl.Protocol.csproj src/LpRepl.Protocol/
COPY src/LpRepl.Core/LpRepl.Core.csproj src/LpRepl.Core/
COPY src/LpRepl.Terminal/LpRepl.Terminal.csproj src/LpRepl.Terminal/
COPY src/LpRepl.Emulator/LpRepl.Emulator.csproj src/LpRepl.Emulator/
COPY src/LpRepl/LpRepl.csproj src/LpRepl/
RUN dotnet restore src/LpRepl/LpRepl.csproj
COPY src/ src/
COPY templates/ templates/
RUN dotnet publish src/LpRepl/LpRepl.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The tutorial's own tools stay at hand, as in lp-shell.
RUN apt-get update && apt-get install -y --no-install-recommends curl jq ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /work
COPY --from=build /app /opt/lprepl
# The tutorial series as scripts: lprepl run /opt/lprepl/scripts/get-messages.lprepl
COPY scripts/*.lprepl /opt/lprepl/scripts/
RUN ln -s /opt/lprepl/lprepl /usr/local/bin/lprepl
ENV XDG_STATE_HOME=/work/.state
ENTRYPOINT ["lprepl"]
