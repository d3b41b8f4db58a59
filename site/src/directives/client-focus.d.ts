/** Our `client:focus` directive (`focus.js`), typed like Astro's own `client:*` directives. */
import 'astro';

declare module 'astro' {
  interface AstroClientDirectives {
    'client:focus'?: boolean;
  }
}
