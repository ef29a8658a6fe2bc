// Drawing a live page again without taking out what the pointer may be pressing: Chromium drops a click whose
// pressed node left the page before the release, even for a moment, and the floor's wallboard and the centre's
// page are drawn again every second. Shared by both (module link, served by each as /redraw.js).
"use strict";

// Draws one child of `box` per item, in order, each made once for its key and then updated in place. The children no
// item has (a list's "none" line, an item gone) are taken out first, and a child is moved only when the order
// changes. Items of one key (a floor's summary listing an alert twice) each get a child of their own.
function drawKeyed(box, items, keyOf, make, update) {
  const times = new Map();
  const keys = items.map((item) => {
    const key = keyOf(item);
    times.set(key, (times.get(key) || 0) + 1);
    return times.get(key) === 1 ? key : `${key}#${times.get(key)}`;
  });
  const wanted = new Set(keys);
  const drawn = new Map();
  for (const child of [...box.children]) {
    if (wanted.has(child.dataset.key) && !drawn.has(child.dataset.key)) drawn.set(child.dataset.key, child);
    else child.remove();
  }
  let at = box.firstElementChild;
  for (const [i, item] of items.entries()) {
    const key = keys[i];
    let node = drawn.get(key);
    if (!node) {
      node = make(item);
      node.dataset.key = key;
    }
    update(node, item);
    if (node === at) at = at.nextElementSibling; else box.insertBefore(node, at);
  }
}

// Puts an optional part into `parent` (before `before`, if that is there) or takes it out; one already where it
// belongs is left alone.
function showPart(parent, part, shown, before) {
  if (!shown) {
    part.remove();
  } else if (part.parentNode !== parent) {
    parent.insertBefore(part, before && before.parentNode === parent ? before : null);
  }
}
