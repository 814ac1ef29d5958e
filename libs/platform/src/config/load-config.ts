import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** A configuration that failed validation. Its message is one line naming every bad variable. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => {
    const constraints = Object.values(error.constraints ?? {});
    // Name the variable, never its value: a value may be a secret.
    const own = constraints.length
      ? [`${error.property} ${constraints.join(', ').replace(`${error.property} `, '')}`]
      : [];
    return [...own, ...flatten(error.children ?? [])];
  });
}

/**
 * Builds a typed config from environment variables, validated with class-validator.
 * Called once at boot by each app's entry point; nothing else reads the environment.
 */
export function loadConfig<T extends object>(configClass: new () => T, environment: NodeJS.ProcessEnv): T {
  const defaults = new configClass();
  const given = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(configClass, { ...defaults, ...given }, { enableImplicitConversion: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length) throw new ConfigurationError(flatten(errors));
  return config;
}

/** Stops the process with one clear line when the configuration is invalid. */
export function loadConfigOrExit<T extends object>(configClass: new () => T, environment: NodeJS.ProcessEnv): T {
  try {
    return loadConfig(configClass, environment);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
