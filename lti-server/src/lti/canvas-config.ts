/**
 * The developer-key JSON an administrator pastes into Canvas (Admin → Developer Keys → + LTI Key → Paste JSON).
 * Field by field in docs/lms/canvas.md. Course navigation is visible to course staff only ("admins" in Canvas
 * means teachers, TAs and designers), so students never see it; the editor button and link selection insert a strategy.
 */
export function canvasDeveloperKey(publicUrl: string) {
  const launch = `${publicUrl}/lti/launch`;
  return {
    title: 'Tasting Menu',
    description:
      "A school's shared tasting menu of ten-minute teaching strategies: browse, sample colleagues' classrooms, write strengths-first notes.",
    oidc_initiation_url: `${publicUrl}/lti/login`,
    target_link_uri: launch,
    public_jwk_url: `${publicUrl}/lti/keys`,
    scopes: ['https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly'],
    extensions: [
      {
        platform: 'canvas.instructure.com',
        domain: new URL(publicUrl).host,
        tool_id: 'tasting-menu',
        // Names are needed to show who offers a strategy; e-mail addresses are not, so Canvas never sends them.
        privacy_level: 'name_only',
        settings: {
          text: 'Tasting Menu',
          icon_url: `${publicUrl}/icon.svg`,
          placements: [
            {
              placement: 'course_navigation',
              message_type: 'LtiResourceLinkRequest',
              target_link_uri: launch,
              text: 'Tasting Menu',
              icon_url: `${publicUrl}/icon.svg`,
              default: 'enabled',
              visibility: 'admins',
            },
            {
              // The rich-content editor's button and link selection: a teacher inserts a strategy (deep linking).
              placement: 'editor_button',
              message_type: 'LtiDeepLinkingRequest',
              target_link_uri: launch,
              text: 'Tasting Menu strategy',
              icon_url: `${publicUrl}/icon.svg`,
            },
            {
              placement: 'link_selection',
              message_type: 'LtiDeepLinkingRequest',
              target_link_uri: launch,
              text: 'Tasting Menu strategy',
            },
          ],
        },
      },
    ],
    custom_fields: CANVAS_CUSTOM_FIELDS,
  };
}

/**
 * Custom fields Canvas fills in at each launch (variable substitution): the person's time zone, and their course and
 * account role names, which make a coach when one is named `Coach` (see `hasCoachClaim` in shared/lti.ts).
 */
export const CANVAS_CUSTOM_FIELDS = {
  timezone: '$Person.address.timezone',
  coach: '$Canvas.membership.roles',
} as const;

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="Tasting Menu">
<rect width="64" height="64" rx="12" fill="#23304a"/>
<circle cx="32" cy="34" r="17" fill="none" stroke="#f2a900" stroke-width="4"/>
<circle cx="32" cy="34" r="9" fill="#fff"/>
<rect x="9" y="14" width="3" height="34" rx="1.5" fill="#fff"/>
<rect x="52" y="14" width="3" height="34" rx="1.5" fill="#fff"/>
</svg>`;
