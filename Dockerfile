# Tasting Menu: the LTI server with the built app, and the extension's zips to hand out.
#   docker build -t tasting-menu .
#   docker run -p 3000:3000 -e PUBLIC_URL=https://tm.example.org -e LTI_KEY=... -e DATABASE_URL=postgres://... tasting-menu
# See docs/deploy.md. Not built on the machine this was written on (no image registry there): tests/unit/tooling/
# dockerfile.test.ts checks its rules, not a build.

# --- build: the compiler toolchain (better-sqlite3 builds from source when no prebuilt binary fits), all
# dependencies, the app, the extension and its zips; then the development dependencies are pruned.
FROM node:20-bookworm AS build
WORKDIR /src
RUN npm install --global npm@11
COPY package.json package-lock.json ./
# Install scripts run after the sources are in (postinstall runs `wxt prepare`); only the two native packages build.
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3 esbuild
COPY . .
RUN npx wxt prepare \
  && npm run build \
  && npx wxt zip \
  && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime: no compiler, production dependencies only (tsx runs the TypeScript server), as the node user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /src/package.json /src/package-lock.json /src/tsconfig.base.json /src/tsconfig.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/shared ./shared
COPY --from=build /src/lti-server/src ./lti-server/src
COPY --from=build /src/dist ./dist
COPY --from=build /src/.output/*.zip ./extension/
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--import", "tsx", "lti-server/src/main.ts"]
