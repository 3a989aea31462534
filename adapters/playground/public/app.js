// The web chat page: sends questions to POST /api/ask, renders each answer's Adaptive Card with Microsoft's
// renderer (served from the bot's own dependencies), and routes card buttons like the Teams adapter does.
(() => {
  const messages = document.getElementById('messages');
  const form = document.getElementById('ask');
  const input = document.getElementById('question');
  const send = document.getElementById('send');
  let conversation = sessionStorage.getItem('conversation') || undefined;

  function add(kind, node) {
    const wrapper = document.createElement('div');
    wrapper.className = `message ${kind}`;
    wrapper.appendChild(node);
    messages.appendChild(wrapper);
    wrapper.scrollIntoView({ block: 'end' });
    return wrapper;
  }

  function bubble(text) {
    const node = document.createElement('div');
    node.className = 'bubble';
    node.textContent = text;
    return node;
  }

  function details(summary, content) {
    const node = document.createElement('details');
    const title = document.createElement('summary');
    title.textContent = summary;
    const pre = document.createElement('pre');
    pre.textContent = content;
    node.append(title, pre);
    return node;
  }

  function provenanceText(answer) {
    if (!answer.provenance.length) return 'Aucune requête pour cette réponse.';
    return answer.provenance
      .map(
        (item) =>
          `-- ${item.tool} (${item.rowCount} lignes, ${item.ms} ms)\n-- arguments : ${JSON.stringify(item.args)}\n${item.sql || ''}\n-- paramètres : ${JSON.stringify(item.params || [])}`,
      )
      .join('\n\n');
  }

  // Replies to a card's buttons (its SQL, the thanks for a 👍 / 👎) go under that card, not at the bottom of the
  // page, where they would seem to answer the latest question.
  async function onAction(action, answer, replies) {
    const data = action.data || {};
    if (data.kind === 'ask') return ask(data.value);
    if (data.kind === 'show_sql') {
      let sql = replies.querySelector('details.sql');
      if (!sql) {
        sql = details('Requête SQL', provenanceText(answer));
        sql.classList.add('sql');
        replies.appendChild(sql);
      }
      sql.setAttribute('open', '');
      sql.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (data.kind === 'feedback') {
      const response = await fetch('/api/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversation, answerId: data.answerId, value: data.value }),
      });
      const body = await response.json();
      const thanks = bubble(body.text || body.error);
      thanks.classList.add('reply');
      replies.appendChild(thanks);
      thanks.scrollIntoView({ block: 'nearest' });
    }
  }

  function renderAnswer(answer, place) {
    const card = new AdaptiveCards.AdaptiveCard();
    const replies = document.createElement('div');
    replies.className = 'replies';
    card.onExecuteAction = (action) => onAction(action, answer, replies);
    card.parse(answer.cards.teams);
    const container = document.createElement('div');
    container.className = 'card';
    container.appendChild(card.render());
    container.append(
      replies,
      details('Block Kit (Slack)', JSON.stringify(answer.cards.slack, null, 2)),
      details('Provenance (SQL, paramètres)', provenanceText(answer)),
    );
    place.replaceChildren(container);
    place.className = 'message bot';
    place.scrollIntoView({ block: 'end' });
  }

  /** Shown in the answer's place while the bot works; the answer (or the error) replaces it. */
  function thinking() {
    const node = bubble('Le bot réfléchit');
    node.classList.add('thinking');
    node.setAttribute('role', 'status');
    const dots = document.createElement('span');
    dots.className = 'dots';
    dots.setAttribute('aria-hidden', 'true');
    dots.textContent = '…';
    node.appendChild(dots);
    return add('bot pending', node);
  }

  async function ask(text) {
    const question = text.trim();
    if (!question) return;
    add('user', bubble(question));
    const place = thinking();
    send.disabled = true;
    try {
      const response = await fetch('/api/ask', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: question, conversation }),
      });
      const answer = await response.json();
      if (!response.ok) throw new Error(answer.error || `HTTP ${response.status}`);
      conversation = answer.conversation;
      sessionStorage.setItem('conversation', conversation);
      renderAnswer(answer, place);
    } catch (error) {
      place.className = 'message error';
      place.replaceChildren(
        bubble(`Le bot ne répond pas (${error.message}). Vérifiez qu'il tourne, puis réessayez.`),
      );
    } finally {
      send.disabled = false;
      input.focus();
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value;
    input.value = '';
    ask(text);
  });
  for (const button of document.querySelectorAll('.example'))
    button.addEventListener('click', () => ask(button.textContent));
})();
