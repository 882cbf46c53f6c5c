import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { bindRealtime } from './realtime/bindRealtime';
import { connectCitySocket } from './realtime/socket';
import { router } from './router';
import './shared/theme.css';

const app = createApp(App).use(createPinia()).use(router).use(i18n);
document.documentElement.lang = i18n.global.locale.value;
// One socket for the whole app, bound to the stores before anything renders.
bindRealtime(connectCitySocket());
app.mount('#app');
