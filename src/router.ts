import { createRouter, createWebHistory } from 'vue-router';
import { installAuthGuard } from './auth/authGuard';
import WallScreen from './pages/WallScreen.vue';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    // `permission` is checked by the auth guard (src/auth/authGuard.ts); the server checks again.
    { path: '/', name: 'wall', component: WallScreen, meta: { permission: 'view' } },
    { path: '/login', name: 'login', component: () => import('./auth/LoginPage.vue') },
    { path: '/dispatch', name: 'dispatch', component: () => import('./pages/DispatchConsole.vue'), meta: { permission: 'actOnIncidents' } },
    { path: '/summary', name: 'summary', component: () => import('./pages/DailySummary.vue'), meta: { permission: 'readReports' } },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

installAuthGuard(router);
