// First: zod must know before any schema is declared that it may not use eval (the CSP forbids it).
import './shared/zodWithoutEval';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { API_FETCH, apiFetch } from './auth/apiFetch';
import { bindAuth } from './auth/bindAuth';
import { captureKioskAccess, currentToken } from './auth/session';
import { i18n } from './i18n';
import { bindRealtime } from './realtime/bindRealtime';
import { connectCitySocket } from './realtime/socket';
import { router } from './router';
import { prefersReducedMotion } from './map/mapCamera';
import { holdDecorativeMotion } from './shared/decorativeMotion';
import { applyTheme, SCREEN_THEME } from './shared/palette';
import { useLiveStore } from './stores/useLiveStore';
import './shared/theme.css';

// A kiosk link's `?access=` token: kept for the tab (to be exchanged for a session by the route guard)
// and taken out of the address bar at once, so it is not seen, bookmarked or sent again (the route
// guard drops it from the router's first location too).
const withoutAccess = captureKioskAccess(window.location.href);
if (withoutAccess !== null) window.history.replaceState(window.history.state, '', withoutAccess);
// The stylesheet's colours come from the palette the charts use (src/shared/palette.ts).
applyTheme(document.documentElement.style, SCREEN_THEME);
const app = createApp(App).use(createPinia()).use(router).use(i18n).provide(API_FETCH, apiFetch);
document.documentElement.lang = i18n.global.locale.value;
if (prefersReducedMotion()) holdDecorativeMotion();
// One socket for the whole app, bound to the stores before anything renders; it connects once the
// route guard lets a page open (src/auth/bindAuth.ts), with the session's or the kiosk session's token.
const socket = connectCitySocket(window.location.origin, currentToken, () => useLiveStore().catalog?.version);
bindRealtime(socket);
bindAuth(router, socket);
app.mount('#app');
