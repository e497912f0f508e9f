// Code blocks and tables wider than the page scroll sideways. A keyboard user
// scrolls one with the arrow keys once it has focus, so each block that
// scrolls gets a place in the tab order (WCAG 2.1.1, axe-core's
// `scrollable-region-focusable`), and loses it when the window grows wide
// enough to show it whole. Collapsed hints are measured when they open.
(() => {
  'use strict';
  const update = () => {
    for (const region of document.querySelectorAll('pre > code, .table-wrapper')) {
      if (region.scrollWidth > region.clientWidth) {
        region.setAttribute('tabindex', '0');
      } else if (region.getAttribute('tabindex') === '0') {
        region.removeAttribute('tabindex');
      }
    }
  };
  update();
  window.addEventListener('load', update);
  window.addEventListener('resize', update);
  document.addEventListener('toggle', update, true);
})();
