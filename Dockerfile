# Multi-stage: restore (cached on the project files), build and publish, then a runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Behind a TLS-inspecting proxy, hand its CA to the restore: --secret id=extra_ca,src=/path/to/ca.crt
# A layer made with the secret is cached whatever the secret held: a digest of the CA busts it.
ARG EXTRA_CA_DIGEST=""
RUN --mount=type=secret,id=extra_ca,required=false \
    echo "extra CA: ${EXTRA_CA_DIGEST:-none}"; \
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
# ReadyToRun for the machine's own runtime id (linux-x64, linux-arm64): the restore fetches its compiler too.
RUN rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}') && echo "$rid" > /rid \
    && dotnet restore src/LpRepl/LpRepl.csproj -r "$rid" -p:PublishReadyToRun=true
COPY src/ src/
COPY templates/ templates/
# The commit the image is built from, so `lprepl --version` inside reads as outside: --build-arg SOURCE_REVISION=$(git rev-parse HEAD)
ARG SOURCE_REVISION=""
# Framework-dependent on the aspnet image, compiled ahead (ReadyToRun): see "Docker" in the README for the measures.
RUN dotnet publish src/LpRepl/LpRepl.csproj -c Release --no-restore -r "$(cat /rid)" --self-contained false \
      -p:PublishReadyToRun=true -o /app -p:SourceRevisionId="$SOURCE_REVISION"

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The tutorial's own tools stay at hand, as in lp-shell.
RUN apt-get update && apt-get install -y --no-install-recommends curl jq ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /opt/lprepl
# The tutorial series as scripts: lprepl run /opt/lprepl/scripts/get-messages.lprepl
COPY scripts/*.lprepl /opt/lprepl/scripts/
RUN ln -s /opt/lprepl/lprepl /usr/local/bin/lprepl
# Never root: a user of its own, whose home keeps history, state and user templates
# (keep them across runs with a volume: docker run -v lprepl-home:/home/lprepl -it IMAGE).
RUN useradd --create-home --uid 10001 --user-group --shell /bin/bash lprepl
USER lprepl
WORKDIR /home/lprepl
ENV XDG_STATE_HOME=/home/lprepl/.local/state XDG_CONFIG_HOME=/home/lprepl/.config
VOLUME /home/lprepl
ENTRYPOINT ["lprepl"]
