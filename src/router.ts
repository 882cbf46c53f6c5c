import { createRouter, createWebHistory } from 'vue-router';
import WallScreen from './pages/WallScreen.vue';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'wall', component: WallScreen },
    { path: '/dispatch', name: 'dispatch', component: () => import('./pages/ComingSoon.vue'), props: { section: 'dispatch' } },
    { path: '/summary', name: 'summary', component: () => import('./pages/ComingSoon.vue'), props: { section: 'summary' } },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});
