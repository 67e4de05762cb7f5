/** The app's entry: one element, and the page's language attribute that follows it. */
import './page-lang.ts';
import './components/fg-app.ts';
