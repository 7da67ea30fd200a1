// A Vue 3 host: see App.vue. The elements register on import.
import 'egm-components';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
