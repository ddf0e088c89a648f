// The tickets of the autumn, oldest first. The clerks kept the regulation: escalated within a
// working day what was not solved, sent a technician at once or told the customer when and why
// not, phoned before the technician arrived and again in days 7–14, told the solution the same
// day, and planned the next contact when closing. What is still open is this week's work.
import type { Story } from "./story.js";
import { autumnStories } from "./stories-autumn.js";
import { summerStories } from "./stories-summer.js";

export const stories: Story[] = [...summerStories, ...autumnStories];
