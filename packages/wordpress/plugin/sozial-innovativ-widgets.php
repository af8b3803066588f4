<?php
/**
 * Plugin Name:       Sozial.Innovativ Widgets
 * Plugin URI:        https://example.invalid/sozial-innovativ-widgets
 * Description:       Event calendar, initiative showcase and match finder of Sozial.Innovativ as blocks and shortcodes. The widgets are bundled: no CDN, no request to third parties.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.2
 * Author:            Sozial.Innovativ
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       sozial-innovativ-widgets
 * Domain Path:       /languages
 *
 * Licences: the PHP and editor code of this plugin is GPL-2.0-or-later. The bundled widget assets
 * in assets/embed/ are the built @sozial-innovativ/embed package, licensed EUPL-1.2 (see
 * assets/embed/LICENSE). The EUPL-1.2 lists GPL-2.0 and GPL-3.0 as compatible licences (Article 5
 * and its Appendix), so the plugin as a whole may be distributed under the GPL.
 *
 * @package SozialInnovativWidgets
 */

defined( 'ABSPATH' ) || exit;

const SI_WIDGETS_VERSION = '0.1.0';
const SI_WIDGETS_FILE    = __FILE__;

require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/blocks.php';

add_action(
	'init',
	static function (): void {
		load_plugin_textdomain( 'sozial-innovativ-widgets', false, dirname( plugin_basename( SI_WIDGETS_FILE ) ) . '/languages' );
	}
);
