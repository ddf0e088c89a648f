// The sample store's own README.md, telling a reader what the store holds and how to look at it.

export const README = `This is aftercare's sample store (see ../README.md), written by \`npx tsx scripts/make-sample.ts\`.

An after-sales department in Shanghai in the autumn of 2026: twelve companies and one car owner,
their tickets from August on, calls and letters, two customer events, and the supervisor's
monthly reviews up to October. The story stops before Monday 2026-11-30 08:30: 王芳, the
follow-up clerk (\`followupClerk\` in aftercare.yaml), is away that week and 陈静 covers for her;
周敏 is the supervisor, 赵建国 the engineering supervisor.

    aftercare due --records records --now "2026-11-30 08:30"   # that Monday's morning list
    aftercare due --records records --now "2026-11-30 08:30" --within 7
    npm start                                                  # today's list (aftercare due)

The dates are fixed, so on a later day the list shows that day: what fell due since is overdue.
`;
