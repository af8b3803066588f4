<?php
/**
 * Three dynamic blocks. Each block.json declares the attributes; the post saves only the block
 * comment, and render_callback draws the widget through the shortcodes' renderer, so the editor
 * preview (ServerSideRender) and the published page are the same markup.
 *
 * @package SozialInnovativWidgets
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'init',
	static function (): void {
		// Plain JS against the wp.* globals: no build step in the plugin.
		wp_register_script(
			'sozial-innovativ-widgets-editor',
			plugins_url( 'assets/editor.js', SI_WIDGETS_FILE ),
			array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-server-side-render' ),
			SI_WIDGETS_VERSION,
			true
		);
		foreach ( array_keys( si_widgets_definitions() ) as $widget ) {
			register_block_type(
				dirname( SI_WIDGETS_FILE ) . '/blocks/' . $widget,
				array(
					'render_callback' => static fn ( array $attributes ): string => si_widgets_render( $widget, $attributes, get_block_wrapper_attributes() ),
				)
			);
		}
	}
);

add_action(
	'enqueue_block_editor_assets',
	static function (): void {
		$data = array(
			'sources' => array_map( static fn ( array $s ): array => array( 'name' => $s['name'], 'url' => $s['url'] ), si_widgets_sources() ),
			'labels'  => si_widgets_editor_labels(),
		);
		wp_add_inline_script( 'sozial-innovativ-widgets-editor', 'window.siWidgetsEditor = ' . wp_json_encode( $data ) . ';', 'before' );
		// The live preview is the real widget: the editor page loads the same bundled loader.
		add_action(
			'admin_footer',
			static function (): void {
				echo si_widgets_script_tag(); // phpcs:ignore WordPress.Security.EscapeOutput -- escaped in si_widgets_script_tag().
			}
		);
	}
);

/**
 * Texts of the block sidebar, translated here so one .mo serves PHP and the editor script.
 *
 * @return array<string, string>
 */
function si_widgets_editor_labels(): array {
	return array(
		'source'        => __( 'Data source', 'sozial-innovativ-widgets' ),
		'ownUrl'        => __( 'Other URL …', 'sozial-innovativ-widgets' ),
		'url'           => __( 'Feed URL', 'sozial-innovativ-widgets' ),
		'testSource'    => __( 'Test source', 'sozial-innovativ-widgets' ),
		'sourceOk'      => __( 'The source answers: %d entries.', 'sozial-innovativ-widgets' ),
		'sourceFailed'  => __( 'The source could not be loaded: %s', 'sozial-innovativ-widgets' ),
		'settings'      => __( 'Settings', 'sozial-innovativ-widgets' ),
		'view'          => __( 'View', 'sozial-innovativ-widgets' ),
		'viewList'      => __( 'List', 'sozial-innovativ-widgets' ),
		'viewMonth'     => __( 'Month', 'sozial-innovativ-widgets' ),
		'layout'        => __( 'Layout', 'sozial-innovativ-widgets' ),
		'layoutGrid'    => __( 'Tiles', 'sozial-innovativ-widgets' ),
		'heading'       => __( 'Heading', 'sozial-innovativ-widgets' ),
		'limit'         => __( 'At most this many entries', 'sozial-innovativ-widgets' ),
		'pageSize'      => __( 'Cards per page', 'sozial-innovativ-widgets' ),
		'months'        => __( 'Months ahead in the list', 'sozial-innovativ-widgets' ),
		'topics'        => __( 'Only these topics (comma-separated)', 'sozial-innovativ-widgets' ),
		'towns'         => __( 'Only these towns (comma-separated)', 'sozial-innovativ-widgets' ),
		'districts'     => __( 'Only these districts (comma-separated)', 'sozial-innovativ-widgets' ),
		'hideFilters'   => __( 'Hide filters', 'sozial-innovativ-widgets' ),
		'share'         => __( 'Allow sharing the result (link, no server)', 'sozial-innovativ-widgets' ),
		'language'      => __( 'Language', 'sozial-innovativ-widgets' ),
		'languagePage'  => __( 'Like the page', 'sozial-innovativ-widgets' ),
		'easyRead'      => __( 'Show easy-read texts where available', 'sozial-innovativ-widgets' ),
		'default'       => __( 'Default', 'sozial-innovativ-widgets' ),
		'colours'       => __( 'Colours', 'sozial-innovativ-widgets' ),
		'themeText'     => __( 'Text', 'sozial-innovativ-widgets' ),
		'themeSurface'  => __( 'Background', 'sozial-innovativ-widgets' ),
		'themeAccent'   => __( 'Accent (links, buttons)', 'sozial-innovativ-widgets' ),
		'themeAccentContrast' => __( 'Text on accent', 'sozial-innovativ-widgets' ),
		'contrastOk'    => __( '%1$s: %2$s : 1, meets WCAG AA', 'sozial-innovativ-widgets' ),
		'contrastLow'   => __( '%1$s: %2$s : 1, too little contrast; WCAG AA needs 4.5 : 1', 'sozial-innovativ-widgets' ),
		'textOnSurface' => __( 'Text on background', 'sozial-innovativ-widgets' ),
		'accentOnSurface' => __( 'Accent on background', 'sozial-innovativ-widgets' ),
		'onAccent'      => __( 'Text on accent', 'sozial-innovativ-widgets' ),
		'noSource'      => __( 'Choose a data source in the block settings.', 'sozial-innovativ-widgets' ),
	);
}
