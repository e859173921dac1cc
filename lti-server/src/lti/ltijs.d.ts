// ltijs ships no types and @types/ltijs lags 5.x: declare only what lti-server/src/lti/ uses.
declare module 'ltijs' {
  import type { Express, NextFunction, Request, Response } from 'express';

  export interface LtijsPlatform {
    platformUrl(): Promise<string>;
    platformClientId(): Promise<string>;
    platformName(): Promise<string>;
    platformKid(): Promise<string>;
    platformAuthEndpoint(): Promise<string>;
    platformAccessTokenEndpoint(): Promise<string>;
    platformAuthConfig(): Promise<{ method: string; key: string }>;
    platformActive(active?: boolean): Promise<boolean>;
    delete(): Promise<boolean>;
  }

  export interface LtijsToken {
    iss: string;
    user: string;
    userInfo?: { given_name?: string; family_name?: string; name?: string; email?: string };
    platformInfo?: { name?: string; guid?: string; product_family_code?: string };
    clientId: string;
    platformId: string;
    deploymentId: string;
    platformContext: {
      roles?: string[];
      context?: { id: string; title?: string; label?: string; type?: string[] };
      resource?: { id: string; title?: string };
      messageType?: string;
      custom?: Record<string, unknown>;
      launchPresentation?: { locale?: unknown; document_target?: string; return_url?: string };
      namesRoles?: { context_memberships_url?: string; service_versions?: string[] };
      launchPresentation?: { return_url?: string; document_target?: string };
      deepLinkingSettings?: {
        deep_link_return_url: string;
        accept_types: string[];
        accept_multiple?: boolean | string;
        data?: string;
      };
    };
  }

  type Handler = (req: Request, res: Response, next: NextFunction) => unknown;

  export interface NrpsMember {
    user_id: string;
    status?: string;
    name?: string;
    given_name?: string;
    family_name?: string;
    roles: string[];
  }

  export interface LtijsProvider {
    DeepLinking: {
      createDeepLinkingMessage(
        idtoken: {
          iss: string;
          clientId: string;
          deploymentId: string;
          platformContext: {
            deepLinkingSettings: {
              deep_link_return_url: string;
              accept_types: string[];
              accept_multiple?: boolean;
              data?: string;
            };
          };
        },
        items: Array<Record<string, unknown>>,
        options?: { message?: string },
      ): Promise<string>;
    };
    NamesAndRoles: {
      getMembers(
        idtoken: {
          iss: string;
          clientId: string;
          platformContext: { namesRoles: { context_memberships_url: string } };
        },
        options?: { pages?: number | false; limit?: number },
      ): Promise<{ members: NrpsMember[] }>;
    };
    app: Express;
    setup(key: string, database: { plugin: unknown }, options: Record<string, unknown>): LtijsProvider;
    onConnect(cb: (token: LtijsToken, req: Request, res: Response, next: NextFunction) => unknown): true;
    onDeepLinking(cb: (token: LtijsToken, req: Request, res: Response, next: NextFunction) => unknown): true;
    onInvalidToken(cb: Handler): true;
    onSessionTimeout(cb: Handler): true;
    onUnregisteredPlatform(cb: Handler): true;
    onInactivePlatform(cb: Handler): true;
    registerPlatform(platform: {
      url: string;
      name: string;
      clientId: string;
      authenticationEndpoint: string;
      accesstokenEndpoint: string;
      authConfig: { method: 'JWK_SET' | 'JWK_KEY' | 'RSA_KEY'; key: string };
    }): Promise<LtijsPlatform>;
    getPlatform(url: string, clientId: string): Promise<LtijsPlatform | false>;
    getAllPlatforms(): Promise<LtijsPlatform[]>;
    deletePlatform(url: string, clientId: string): Promise<true>;
  }

  export const Provider: LtijsProvider;
}
