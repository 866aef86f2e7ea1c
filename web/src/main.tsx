import { render } from "preact";
import { App } from "./app.tsx";
import "./styles/base.css";
import "./styles/navigation.css";
import "./styles/login.css";
import "./styles/labeling.css";
import "./styles/dashboard.css";
import "./styles/researcher.css";

render(<App />, document.getElementById("app")!);
