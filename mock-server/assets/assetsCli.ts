/** `npm run assets -- import|export …`: the asset registry from the command line (assetsCommand.ts). */
import { assetsCommand } from './assetsCommand';

assetsCommand(process.argv.slice(2), process.env)
  .then(({ code, lines }) => {
    for (const line of lines) (code === 0 ? console.log : console.error)(line);
    process.exit(code);
  })
  .catch((err) => {
    console.error('assets failed:', err);
    process.exit(1);
  });
