# syntax=docker/dockerfile:1
# llm-catalogue: two stages. `npm run check:container` runs the same commands without Docker (see README).

# Build: every dependency, then the TypeScript compiler turns src/ into dist/ and esbuild bundles the
# console page (console/) into dist/console/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.mjs scripts/build-console.mjs scripts/
COPY src/ src/
COPY console/ console/
RUN npm run build

# Runtime: production dependencies, the compiled code and the bundled snapshot; no compiler, no tsx.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    PORT=4000 \
    METRICS_PORT=9464 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist/ dist/
COPY assets/ assets/
COPY bin/healthcheck.js bin/
# The data directory belongs to the unprivileged user; a named volume mounted there inherits that.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4000 9464
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["node", "bin/healthcheck.js"]
# node is PID 1 and handles SIGTERM itself: drain, exit 0 within SHUTDOWN_GRACE_MS (give the runtime more).
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
