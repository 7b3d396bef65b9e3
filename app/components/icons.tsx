/** Icons from the Suomi.fi design system (suomifi-icons), plain SVG components without styled-components. */
export { default as IconArrowRight } from "suomifi-icons/esm/svgrComponents/baseIcons/IconArrowRight.js";
export { default as IconInfo } from "suomifi-icons/esm/svgrComponents/baseIcons/IconInfo.js";
export { default as IconLogin } from "suomifi-icons/esm/svgrComponents/baseIcons/IconLogin.js";
export { default as IconMenu } from "suomifi-icons/esm/svgrComponents/baseIcons/IconMenu.js";
export { default as IconSearch } from "suomifi-icons/esm/svgrComponents/baseIcons/IconSearch.js";
export { default as IconLogout } from "suomifi-icons/esm/svgrComponents/baseIcons/IconLogout.js";
export { default as IconDownload } from "suomifi-icons/esm/svgrComponents/baseIcons/IconDownload.js";
export { default as IconChevronRight } from "suomifi-icons/esm/svgrComponents/baseIcons/IconChevronRight.js";
