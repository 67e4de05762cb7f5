/** The app's entry: one element. */
import './components/fg-app.ts';
