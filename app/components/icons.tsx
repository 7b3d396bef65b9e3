/** Icons from the Suomi.fi design system (suomifi-icons), plain SVG components without styled-components. */
export { default as IconLogin } from "suomifi-icons/esm/svgrComponents/baseIcons/IconLogin.js";
export { default as IconLogout } from "suomifi-icons/esm/svgrComponents/baseIcons/IconLogout.js";
