import { applicationSections, type ApplicationSection } from '@redress/domain';
import type { PageDefinition, QuestionContext, SectionDefinition } from './question-types.js';
import { applicant, applyingFor, authority, representative, residence } from './sections-about.js';
import {
  convictions,
  contactPreferences,
  crime,
  declaration,
  impact,
  injuries,
  offender,
  otherCompensation,
  previousApplications,
  supportNeedsSection,
  treatment,
} from './sections-crime.js';

/** Every section's pages, in the order of the task list. */
export const sectionDefinitions: Record<ApplicationSection, SectionDefinition> = {
  'applying-for': applyingFor,
  representative,
  authority,
  applicant,
  residence,
  crime,
  offender,
  injuries,
  impact,
  treatment,
  'other-compensation': otherCompensation,
  'previous-applications': previousApplications,
  convictions,
  'support-needs': supportNeedsSection,
  'contact-preferences': contactPreferences,
  declaration,
};

export function sectionDefinition(name: string): SectionDefinition | undefined {
  return (applicationSections as readonly string[]).includes(name)
    ? sectionDefinitions[name as ApplicationSection]
    : undefined;
}

/** The pages asked as the answers stand. */
export function pagesAsked(definition: SectionDefinition, context: QuestionContext): PageDefinition[] {
  return definition.pages.filter((page) => !page.when || page.when(context));
}

/** The page after this one, or undefined at the end of the section. */
export function nextPage(
  definition: SectionDefinition,
  pageId: string,
  context: QuestionContext,
): PageDefinition | undefined {
  const index = definition.pages.findIndex((page) => page.id === pageId);
  return definition.pages.slice(index + 1).find((page) => !page.when || page.when(context));
}
