/**
 * `client:focus`: hydrates an island only when the user first focuses or touches it, so content
 * pages ship no JavaScript until someone opens the search box or the assistant.
 * @returns {import('astro').AstroIntegration}
 */
export default function focusDirective() {
  return {
    name: 'portal:client-focus',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'focus', entrypoint: new URL('./focus.js', import.meta.url).pathname });
      },
    },
  };
}
