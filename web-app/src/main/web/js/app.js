// Entry point: shows the login page or the Mercado screen and moves between them.
import { Api, ApiError } from './api.js';
import { MarketScreen } from './market.js';
import { DeskScreens } from './deskscreens.js';

const $ = (id) => document.getElementById(id);

let market = null;
let desk = null;
const DESK_TABS = ['boletas', 'ordens', 'posicoes', 'saldo', 'risco'];
const api = new Api({ onLoggedOut: (why) => showLogin(why) });

function showLogin(message) {
  market?.stop();
  market = null;
  desk?.stop();
  desk = null;
  $('market-view').hidden = true;
  $('login-view').hidden = false;
  const error = $('login-error');
  error.textContent = message || '';
  error.hidden = !message;
  $('login-password').value = '';
  $('login-username').focus();
  document.title = 'BlackBox — Entrar';
}

function showMarket() {
  $('login-view').hidden = true;
  $('market-view').hidden = false;
  $('user-name').textContent = api.user?.username || '';
  document.title = 'BlackBox — Mercado';
  market = new MarketScreen(api);
  market.start();
  startDesk();
}

/** The order side's tabs, shown only when web-bff has an order side (its routes answer 503 without one). */
async function startDesk() {
  for (const t of DESK_TABS) document.querySelector(`a.tab[data-tab=${t}]`).hidden = true;
  try {
    await api.get('/accounts');
  } catch {
    showTab('mercado');
    return;
  }
  for (const t of DESK_TABS.slice(0, 4)) document.querySelector(`a.tab[data-tab=${t}]`).hidden = false;
  desk = new DeskScreens(api);
  desk.start();
  showTab(location.hash.slice(1) || 'mercado');
}

const TAB_TITLES = { mercado: 'Mercado', boletas: 'Boletas', ordens: 'Ordens', posicoes: 'Posições', saldo: 'Saldo', risco: 'Risco' };

function showTab(tab) {
  const link = document.querySelector(`a.tab[data-tab=${tab}]`);
  if (!link || link.hidden) tab = 'mercado';
  $('market-view').dataset.tab = tab;
  for (const a of document.querySelectorAll('a.tab')) {
    a.classList.toggle('active', a.dataset.tab === tab);
    if (a.dataset.tab === tab) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  for (const t of DESK_TABS) $(`panel-${t}`).hidden = t !== tab;
  document.title = `BlackBox — ${TAB_TITLES[tab]}`;
  if (tab === 'mercado') window.dispatchEvent(new Event('resize'));  // the chart lays out again after being hidden
  desk?.shown(tab);
}

window.addEventListener('hashchange', () => showTab(location.hash.slice(1)));

$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const username = $('login-username').value.trim();
  const password = $('login-password').value;
  const error = $('login-error');
  if (!username || !password) {
    error.textContent = !username ? 'Informe o usuário.' : 'Informe a senha.';
    error.hidden = false;
    return;
  }
  $('login-submit').disabled = true;
  try {
    await api.login(username, password);
    showMarket();
  } catch (e) {
    error.textContent = loginErrorText(e);
    error.hidden = false;
  } finally {
    $('login-submit').disabled = false;
  }
});

$('logout').addEventListener('click', async () => {
  try { await api.logout(); } catch { /* the session is dropped locally in any case */ }
  showLogin('Você saiu.');
  $('login-error').hidden = true;
});

function loginErrorText(e) {
  if (!(e instanceof ApiError)) return `Erro inesperado: ${e.message}`;
  if (e.status === 401) return 'Usuário ou senha inválidos.';
  if (e.status === 429) {
    const s = Number(e.problem.retry_after);
    return Number.isFinite(s) && s > 0
      ? `Muitas tentativas de entrada. Tente novamente em ${s} s.`
      : 'Muitas tentativas de entrada. Aguarde e tente novamente.';
  }
  if (e.status === 0) return 'Sem conexão com o servidor. Verifique a rede e tente novamente.';
  return `Não foi possível entrar: ${e.message}`;
}

// For the browser tests and support: the live screen (its candle book, socket and API client) from the console.
window.blackbox = { get market() { return market; }, get desk() { return desk; } };

(async () => {
  if (await api.resume()) showMarket();
  else showLogin();
})();
