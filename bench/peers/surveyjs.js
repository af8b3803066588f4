// SurveyJS (survey-core + its framework-free UI, survey-js-ui), the most used questionnaire library:
// a model from JSON, rendered into a container. Built as one classic script with its stylesheet.
import 'survey-core/survey-core.min.css';
export { Model } from 'survey-core';
export { renderSurvey } from 'survey-js-ui';
