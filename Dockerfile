# syntax=docker/dockerfile:1

# ---- build: restore, publish (blazor.web.js and MudBlazor's files come from NuGet) ----------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first (cached while project files don't change).
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/SamarbeidsAvtaler.Domain/SamarbeidsAvtaler.Domain.csproj src/SamarbeidsAvtaler.Domain/
COPY src/SamarbeidsAvtaler.Infrastructure/SamarbeidsAvtaler.Infrastructure.csproj src/SamarbeidsAvtaler.Infrastructure/
COPY src/SamarbeidsAvtaler.Web/SamarbeidsAvtaler.Web.csproj src/SamarbeidsAvtaler.Web/
RUN dotnet restore src/SamarbeidsAvtaler.Web/SamarbeidsAvtaler.Web.csproj

COPY src/ src/
RUN dotnet publish src/SamarbeidsAvtaler.Web/SamarbeidsAvtaler.Web.csproj -c Release --no-restore \
  -o /app -p:UseAppHost=false

# ---- runtime ------------------------------------------------------------------------------
# The .NET 10 images (aspnet:10.0) are Ubuntu 24.04, where "apt-get install chromium" only
# installs a snap stub that cannot run in a container. So the runtime is Debian 12 (same as the
# dev/CI machine, real chromium .deb) with the ASP.NET Core runtime copied from aspnet:10.0.
FROM debian:bookworm-slim AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends \
    ca-certificates tzdata libicu72 libssl3 libstdc++6 libgcc-s1 \
    chromium fonts-liberation fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
  && groupadd --system --gid 1654 app \
  && useradd --system --uid 1654 --gid app --create-home --home-dir /home/app --shell /usr/sbin/nologin app \
  && mkdir /keys && chown 1654:1654 /keys

WORKDIR /app
COPY --from=build /app ./

ENV ASPNETCORE_URLS=http://+:8080 \
    SA_CHROMIUM_PATH=/usr/bin/chromium \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_NOLOGO=1
EXPOSE 8080
USER 1654
ENTRYPOINT ["dotnet", "SamarbeidsAvtaler.Web.dll"]
